import sys

from rhetlint.cli import main

sys.exit(main())

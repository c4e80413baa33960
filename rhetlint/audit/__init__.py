"""``rhetlint audit``: lint an archive of articles and report per article and per group (outlet, desk,
author, year), locally or on a Dask cluster. See docs/audit.md."""

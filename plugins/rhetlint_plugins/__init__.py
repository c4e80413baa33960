"""The built-in rule plugins, each registered through the ``rhetlint`` entry-point group like any third-party plugin."""

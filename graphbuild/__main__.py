"""``python -m graphbuild``."""

from graphbuild.cli import main

raise SystemExit(main())

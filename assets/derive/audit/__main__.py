"""python -m assets.derive.audit [path]: the audit of the published figures as markdown."""
from assets.derive.audit.cli import main

raise SystemExit(main())

"""What the accounts app adds to the portal (registered in apps.py)."""

from wijkportaal.core.registry import DemoStep

from .seed import seed_accounts

PLUGINS = [
    DemoStep("accounts", run=seed_accounts, order=20),
]

"""The permissions of the contracts app: each sub-app names its own (imported here, where
django-rules looks for them); the admin's front door is for officers."""

import rules

from wijkportaal.permissions import is_staff_member

# Importing a sub-app's rules module registers its permissions.
from .beheerexperiment import rules as beheerexperiment_rules  # noqa: F401
from .ondersteuning import rules as ondersteuning_rules  # noqa: F401
from .uitdaagrecht import rules as uitdaagrecht_rules  # noqa: F401
from .wijkcontracten import rules as wijkcontracten_rules  # noqa: F401

rules.add_perm("contracts", is_staff_member)

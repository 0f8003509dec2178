"""The officers' screens of the contracts app, one module per sub-app."""

# Importing a sub-app's admin module registers its model admins.
from .beheerexperiment import admin as beheerexperiment_admin  # noqa: F401
from .ondersteuning import admin as ondersteuning_admin  # noqa: F401
from .uitdaagrecht import admin as uitdaagrecht_admin  # noqa: F401
from .wijkcontracten import admin as wijkcontracten_admin  # noqa: F401

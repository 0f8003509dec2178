"""Objects the matrix URLs refer to. Apps add their objects in `extend_world` functions of
`tests/<app>/matrix_world.py`; this collects them."""

import importlib
import pkgutil

import tests


def extend_world(values, **objects):
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            world = importlib.import_module(f"tests.{module.name}.matrix_world")
        except ModuleNotFoundError:
            continue
        world.extend_world(values, **objects)

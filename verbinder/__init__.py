"""Verbinder: the network of the Flemish local regie sociale economie en werk.

``import verbinder as vb`` gives the Python API of :mod:`verbinder.api` (walked through in
``docs/python.md``); the ``verbinder`` command is :mod:`verbinder.cli`. The user's folders are
installed under this one name: ``verbinder.graphmodel``, ``verbinder.loaders``,
``verbinder.queries`` and ``verbinder.dashboards``. The API is imported on first use, so that
importing one of those (as the dashboard's pages do) does not load every analysis.
"""

import importlib


def __getattr__(name: str):
    api = importlib.import_module("verbinder.api")
    if name == "__all__" or name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'verbinder' has no attribute {name!r}")


def __dir__() -> list[str]:
    api = importlib.import_module("verbinder.api")
    return sorted(set(globals()) | set(api.__all__))

"""Verbinder: the network of the Flemish local regie sociale economie en werk.

``import verbinder as vb`` gives the Python API (:mod:`verbinder.api`, walked through in
``docs/python.md``); the ``verbinder`` command is :mod:`verbinder.cli`.
"""

from verbinder.api import *  # noqa: F403
from verbinder.api import __all__  # noqa: F401

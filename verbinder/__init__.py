"""Verbinder: the command-line front end over graphmodel, loaders and queries."""

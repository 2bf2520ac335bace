"""Typed client for the IonQ Quantum Cloud API v0.4."""

__version__ = "0.1.0"

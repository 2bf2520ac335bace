"""A local, stateful reference server of the IonQ v0.4 API."""

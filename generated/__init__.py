"""A client library for accessing IonQ Quantum Cloud API"""
# From templates/package_init.py.jinja: the package holds the requests (api/), their body
# models (models/) and the response views (views.py); the generator's own client is not
# shipped (scripts/regenerate prunes what nothing imports), so nothing is exported here.

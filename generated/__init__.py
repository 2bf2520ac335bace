"""A client library for accessing IonQ Quantum Cloud API"""
# From templates/package_init.py.jinja: the package holds the requests (api/, JSON bodies
# taken as JSON), the response views (views.py) and the contract's tables; the generator's
# client and body models are not shipped (scripts/regenerate prunes what nothing imports),
# so nothing is exported here.

"""The entity steps, one module per step; :func:`graphbuild.extract.entities.extract_entities` runs them in order."""

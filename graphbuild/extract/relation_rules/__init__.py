"""The relation rules, one module per family; :data:`graphbuild.extract.relations.RULES` registers them."""

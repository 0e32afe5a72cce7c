"""placeholder"""
EDGE_TESTS: dict = {}
LAYER_EDGE_TESTS: tuple = ()

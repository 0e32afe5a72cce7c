DETACH _fresh

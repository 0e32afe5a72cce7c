-- Write the fresh copy (attached as _fresh) to its file.
CHECKPOINT _fresh

-- Copy the plain warehouse (attached as plain) into the encrypted one (attached as enc).
COPY FROM DATABASE plain TO enc

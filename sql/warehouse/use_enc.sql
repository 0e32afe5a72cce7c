USE enc

DROP TABLE IF EXISTS temp._erasing_part

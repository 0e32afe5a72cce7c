-- The redacted rows of the part being erased (see part_to_temp.sql), in their order.
SELECT * FROM _erasing_part

"""The teacher's rules, one module per concern; no Qt (the teacher GUI calls these).

`passphrase` (teacher mode's passphrase and the guess delay), `authoring` (new
lessons, details, text versions, deleting), `keycheck` (key warnings, making a
key span), `packs` (student and review packs), `collection` (checking and
importing submission files) and `roster` (names, who has not submitted).
Callers import from the module that owns the name.
"""

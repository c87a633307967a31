"""The store's tables, one small object each, as sqlite-utils has `Table` beside `Database`.

`Store` (core/store.py) keeps the connection, `write()`, the opening checks and the
backups, and hands each of these its connection: `store.settings`, `store.students`,
`store.lessons`, `store.keys`, `store.work`, `store.submissions` and `store.roster`.
Each write is one transaction (`Store.write()`) returning a `Change`; reads return
the records of `core.records`.
"""

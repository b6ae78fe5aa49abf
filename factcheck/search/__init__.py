"""Search: the query language (parsed to a tree before any SQL exists) and its database backends."""

"""Getting articles in: files, folders and pasted text read into article inputs, per-item results,
and the batch pipeline that analyses them before the store writes them.
"""

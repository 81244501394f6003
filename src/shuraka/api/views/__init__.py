"""One module per page; each `build(...)` returns the page's data, which is both what its
template renders and its JSON twin."""

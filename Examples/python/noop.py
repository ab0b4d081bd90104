"""The smallest out-of-process stage: changes nothing (measures the protocol's own cost)."""

from textmine_stage import serve

serve(lambda article, options: None)

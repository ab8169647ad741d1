"""Who said what: quotation marks, cue verbs, speakers and the same quote across outlets."""

"""The evidence step: the ranked sentences an answer may stand on (selected, read by the reader, injections left
out), and the one decision whether they answer (``Judge.decide``)."""

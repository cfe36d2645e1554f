"""vesika: archival documents in, cross-referenced and evidence-graded analysis out.

Importing the package is cheap: no PDF, XML, database or web stack is loaded until used.
"""

__version__ = "0.1.0"

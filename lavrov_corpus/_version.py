"""The one version source.

``__version__`` is both the package version and the version of the dataset shipped in it
(semantic: PATCH = same records, MINOR = records added, MAJOR = records changed or removed).
``CONVERTER_VERSION`` names the extraction rules; it changes whenever the converter's output for
some input could change, and keys the per-file conversion cache.
"""

__version__ = "3.0.0"
CONVERTER_VERSION = "0.4.0"

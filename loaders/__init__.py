"""Polars readers for the curated data package, and its one validation path."""

from loaders.package import Package, data_version, default_data_dir, load_package
from loaders.schema import PackageDescriptor, Resource, read_descriptor
from loaders.validate import Problem, check_tables

__all__ = [
    "Package",
    "PackageDescriptor",
    "Problem",
    "Resource",
    "check_tables",
    "data_version",
    "default_data_dir",
    "load_package",
    "read_descriptor",
]

"""Credentials live in QgsAuthManager; PlanMonitor keeps only configuration ids."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig


def auth_manager():
    return QgsApplication.authManager()


def authcfg_exists(authcfg: str) -> bool:
    return bool(authcfg) and authcfg in auth_manager().configIds()


def store_basic_credentials(name: str, username: str, password: str, authcfg: str = "") -> str:
    """Create (or update) a Basic authentication configuration; returns its id."""
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", username)
    config.setConfig("password", password)
    manager = auth_manager()
    if authcfg and authcfg in manager.configIds():
        config.setId(authcfg)
        manager.updateAuthenticationConfig(config)
        return authcfg
    manager.storeAuthenticationConfig(config)
    return config.id()


def remove_credentials(authcfg: str) -> bool:
    return bool(authcfg) and auth_manager().removeAuthenticationConfig(authcfg)

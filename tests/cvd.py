"""Colour-blindness simulation and colour difference, for the palette test and the accessibility screenshots.

The simulation is Machado, Oliveira and Fernandes (2009) at severity 100 (dichromacy), as the
``colorspacious`` package implements it; the difference is CIEDE2000 (Sharma, Wu and Dalal 2005).
"""

from __future__ import annotations

import numpy as np
from colorspacious import cspace_convert

# The three dichromacies, by colorspacious's names for the deficiencies they are the extreme of.
SIMULATIONS = {"deuteranopia": "deuteranomaly", "protanopia": "protanomaly", "tritanopia": "tritanomaly"}
VISIONS = ("normal", *SIMULATIONS)


def simulate(rgb: np.ndarray, vision: str) -> np.ndarray:
    """8-bit sRGB colours (any shape ending in 3) as a reader with ``vision`` sees them, as 8-bit sRGB."""
    if vision == "normal":
        return np.asarray(rgb, dtype=np.uint8)
    space = {"name": "sRGB1+CVD", "cvd_type": SIMULATIONS[vision], "severity": 100}
    seen = cspace_convert(np.asarray(rgb, dtype=float) / 255, space, "sRGB1")
    return np.round(np.clip(seen, 0, 1) * 255).astype(np.uint8)


def lab(rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of 8-bit sRGB colours."""
    return np.asarray(cspace_convert(np.asarray(rgb, dtype=float) / 255, "sRGB1", "CIELab"))


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """The CIEDE2000 colour difference of CIELAB colours (k_L = k_C = k_H = 1), element by element."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, dtype=float), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, dtype=float), -1, 0)
    chroma7 = ((np.hypot(a1, b1) + np.hypot(a2, b2)) / 2) ** 7
    g = 0.5 * (1 - np.sqrt(chroma7 / (chroma7 + 25.0**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1, h2 = np.degrees(np.arctan2(b1, a1)) % 360, np.degrees(np.arctan2(b2, a2)) % 360
    grey = c1 * c2 == 0  # a hue angle means nothing without chroma
    dh = h2 - h1
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(grey, 0, dh)
    d_hue = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    mean_l, mean_c = (l1 + l2) / 2, (c1 + c2) / 2
    hue_sum = h1 + h2
    mean_h = np.where(np.abs(h1 - h2) > 180, np.where(hue_sum < 360, hue_sum + 360, hue_sum - 360), hue_sum) / 2
    mean_h = np.where(grey, hue_sum, mean_h)
    t = (
        1
        - 0.17 * np.cos(np.radians(mean_h - 30))
        + 0.24 * np.cos(np.radians(2 * mean_h))
        + 0.32 * np.cos(np.radians(3 * mean_h + 6))
        - 0.20 * np.cos(np.radians(4 * mean_h - 63))
    )
    rotation = 30 * np.exp(-(((mean_h - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(mean_c**7 / (mean_c**7 + 25.0**7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / np.sqrt(20 + (mean_l - 50) ** 2)
    s_c = 1 + 0.045 * mean_c
    s_h = 1 + 0.015 * mean_c * t
    r_t = -np.sin(np.radians(2 * rotation)) * r_c
    dl, dc, dhh = (l2 - l1) / s_l, (c2 - c1) / s_c, d_hue / s_h
    return np.sqrt(dl**2 + dc**2 + dhh**2 + r_t * dc * dhh)


def difference(rgb1: np.ndarray, rgb2: np.ndarray, vision: str) -> np.ndarray:
    """CIEDE2000 between two 8-bit sRGB colours as a reader with ``vision`` sees both."""
    return ciede2000(lab(simulate(rgb1, vision)), lab(simulate(rgb2, vision)))

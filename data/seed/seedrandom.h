// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cstdint>
#include <random>

namespace infrasight::data {

/// A deterministic pseudo-random source for generated demo data: the same seed gives the same
/// sequence on every platform and library version. std::mt19937_64's output is fixed by the C++
/// standard, but std::uniform_*_distribution's is not, so the mappings to ranges are our own.
/// Not thread-safe; one per thread.
class SeedRandom
{
public:
    explicit SeedRandom(quint64 seed);

    /// The next raw 64-bit value.
    quint64 next();
    /// A double in [0, 1) with 53 random bits.
    double unit();
    /// An integer in [0, bound); bound must be > 0. Uses rejection, so there is no modulo bias.
    quint64 below(quint64 bound);
    /// A double in [low, high).
    double between(double low, double high);
    /// True with the given probability (0..1).
    bool chance(double probability);

    /// A stateless keyed hash in [0, 1) (splitmix64 of the seed and both keys): the same
    /// choice for the same seed and keys, without keeping a sequence (simulators).
    static double hashUnit(quint64 seed, quint64 a, quint64 b);

private:
    std::mt19937_64 m_engine;
};

} // namespace infrasight::data

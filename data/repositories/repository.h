// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/repositories/request.h"

namespace infrasight::data {

class ChangeFeed;

/// What every repository interface has in common: it is used through a reference to the
/// interface (so it is destroyed through it), and it hands out the change feed on which the
/// database announces changes to what it reads (each interface names its channels). The feed
/// lives as long as the repository. GUI thread only.
class Repository
{
public:
    virtual ~Repository() = default;

    /// The feed the repository's channels are announced on.
    virtual ChangeFeed &changes() = 0;
};

} // namespace infrasight::data

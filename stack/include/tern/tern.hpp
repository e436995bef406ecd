#pragma once
// tern/tern.hpp: the whole public API in one include.
#include "tern/certificate.hpp"
#include "tern/data_channel.hpp"
#include "tern/error.hpp"
#include "tern/ice_candidate.hpp"
#include "tern/media.hpp"
#include "tern/peer_connection.hpp"
#include "tern/runtime.hpp"
#include "tern/session_description.hpp"
#include "tern/states.hpp"
#include "tern/stats.hpp"

#include "CSyncFS.h"

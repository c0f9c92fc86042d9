// The namespaces nearly every runtime file uses, once. The linked src/Shared files name their own.
global using System;
global using System.Collections.Generic;
global using System.Threading;
global using System.Threading.Tasks;

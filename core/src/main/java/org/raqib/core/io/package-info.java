/** File-system helpers shared by the modules. */
package org.raqib.core.io;

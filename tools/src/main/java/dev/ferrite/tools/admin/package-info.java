/**
 * What the admin commands find out: {@link dev.ferrite.tools.admin.StoreFacts} (the file as the
 * storage layer sees it, for {@code info}), {@link dev.ferrite.tools.admin.StorageCheck} and
 * {@link dev.ferrite.tools.admin.CatalogCheck} (the two halves of {@code verify}), {@link
 * dev.ferrite.tools.admin.CommitCost} (the price of a durable commit, for {@code probe}).
 */
package dev.ferrite.tools.admin;

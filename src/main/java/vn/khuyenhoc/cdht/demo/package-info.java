/** Demo data and demo accounts, loaded only in demo mode (the embedded database by default). */
package vn.khuyenhoc.cdht.demo;

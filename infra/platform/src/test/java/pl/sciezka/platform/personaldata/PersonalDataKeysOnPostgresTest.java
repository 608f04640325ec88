package pl.sciezka.platform.personaldata;

/** The key store on a real PostgreSQL server, the production profile's database. */
class PersonalDataKeysOnPostgresTest extends PersonalDataKeysContract {

    @Override
    KeyStoreDatabase startDatabase() {
        return KeyStoreDatabase.postgres();
    }
}

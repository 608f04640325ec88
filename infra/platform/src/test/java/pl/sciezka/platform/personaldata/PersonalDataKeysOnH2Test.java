package pl.sciezka.platform.personaldata;

/** The key store on H2, the embedded default's database. */
class PersonalDataKeysOnH2Test extends PersonalDataKeysContract {

    @Override
    KeyStoreDatabase startDatabase() {
        return KeyStoreDatabase.h2();
    }
}

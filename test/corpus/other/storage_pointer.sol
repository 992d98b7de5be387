pragma solidity 0.4.24;

contract NameRegistrar {
    bool public unlocked = false;
    struct NameRecord { bytes32 name; address mappedAddress; }
    mapping(address => NameRecord) public registeredNameRecord;

    function register(bytes32 _name, address _mappedAddress) public {
        NameRecord newRecord; // @vulnerable: other
        newRecord.name = _name;
        newRecord.mappedAddress = _mappedAddress;
        registeredNameRecord[msg.sender] = newRecord;
        require(unlocked);
    }
}

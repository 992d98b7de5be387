pragma solidity 0.4.24;

contract SuicideMultiTx {
    address owner = msg.sender;
    function () public payable {}
    function kill(address to) public {
        selfdestruct(to); // @vulnerable: access_control
    }
}
